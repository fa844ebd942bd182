#!/usr/bin/env bash
# Runs a real single-node Apache Kafka broker (KRaft, combined broker+controller) from Maven Central
# jars, for machines without Docker. The jars are resolved once with Maven into a cache outside git.
#
#   deploy/kafka/kafka.sh start    resolve jars if needed, format storage once, start, wait until it answers
#   deploy/kafka/kafka.sh stop     stop the broker this script started (by its pid), waiting for a clean exit
#   deploy/kafka/kafka.sh status   exit 0 when the broker port answers
#
# Environment (defaults in brackets):
#   KAFKA_PORT [9092]             client listener on 127.0.0.1
#   KAFKA_CONTROLLER_PORT [KAFKA_PORT+1]  the KRaft controller's listener on 127.0.0.1
#   KAFKA_STATE_DIR [.run/kafka]  data, logs and pid file of this broker
#   IKM_CACHE_DIR [~/.cache/ikm]  where the Maven-resolved jars live
#   KAFKA_HEAP [512m]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-$((port + 1))}"
state_dir="${KAFKA_STATE_DIR:-$repo/.run/kafka}"
kafka_version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")"
lib_dir="${IKM_CACHE_DIR:-$HOME/.cache/ikm}/kafka-$kafka_version/libs"
pid_file="$state_dir/kafka.pid"
log_file="$state_dir/kafka.log"

log() { echo "[kafka:$port] $*" >&2; }

port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

running_pid() {
  [[ -f "$pid_file" ]] || return 1
  local pid
  pid="$(cat "$pid_file")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

resolve_jars() {
  [[ -f "$lib_dir/.complete" ]] && return 0
  log "resolving Kafka $kafka_version jars with Maven into $lib_dir"
  mkdir -p "$lib_dir"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$lib_dir" -DincludeScope=runtime >&2
  touch "$lib_dir/.complete"
}

java_run() {
  java -Xms"${KAFKA_HEAP:-512m}" -Xmx"${KAFKA_HEAP:-512m}" -XX:+UseG1GC \
    -Dlog4j2.configurationFile="$here/log4j2.properties" \
    -cp "$lib_dir/*" "$@"
}

write_config() {
  mkdir -p "$state_dir/data"
  # Topic auto-creation is off: every topic is created by the project with explicit partition counts.
  cat >"$state_dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$state_dir/data
auto.create.topics.enable=false
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
PROPS
}

format_storage_once() {
  [[ -f "$state_dir/data/meta.properties" ]] && return 0
  local cluster_id
  cluster_id="$(java_run kafka.tools.StorageTool random-uuid | tail -n 1)"
  log "formatting storage (cluster $cluster_id)"
  java_run kafka.tools.StorageTool format -t "$cluster_id" -c "$state_dir/server.properties" 2>&1 | while IFS= read -r line; do log "$line"; done
}

start() {
  if running_pid >/dev/null; then log "already running (pid $(running_pid))"; return 0; fi
  if port_answers; then log "something already answers on 127.0.0.1:$port; using it"; return 0; fi
  command -v java >/dev/null || { log "java not found: Java 17+ is required"; exit 1; }
  resolve_jars
  write_config
  format_storage_once
  log "starting (logs: $log_file)"
  nohup bash -c "$(declare -f java_run); here='$here' lib_dir='$lib_dir' KAFKA_HEAP='${KAFKA_HEAP:-512m}'; \
    java_run kafka.Kafka '$state_dir/server.properties'" >"$log_file" 2>&1 &
  echo $! >"$pid_file"
  wait_until_ready
}

wait_until_ready() {
  local deadline=$((SECONDS + ${KAFKA_START_TIMEOUT:-90}))
  until port_answers && grep -q "Kafka Server started" "$log_file" 2>/dev/null; do
    if ! running_pid >/dev/null; then log "broker exited during start; last log lines:"; tail -n 30 "$log_file" >&2; exit 1; fi
    if ((SECONDS > deadline)); then log "not ready after ${KAFKA_START_TIMEOUT:-90}s"; exit 1; fi
    sleep 0.5
  done
  log "ready on 127.0.0.1:$port (pid $(cat "$pid_file"))"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then log "not running"; rm -f "$pid_file"; return 0; fi
  # The pid is the bash wrapper's; signal the whole process group so the JVM gets SIGTERM too.
  pkill -TERM -P "$pid" 2>/dev/null || true
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 60))
  while kill -0 "$pid" 2>/dev/null || pgrep -f "kafka.Kafka $state_dir/server.properties" >/dev/null; do
    if ((SECONDS > deadline)); then log "forcing stop"; pkill -KILL -f "kafka.Kafka $state_dir/server.properties" || true; break; fi
    sleep 0.3
  done
  rm -f "$pid_file"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) port_answers ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
