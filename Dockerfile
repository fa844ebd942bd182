# One image for every service; SERVICE picks which one runs (see docker-compose.yml).
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci's postinstall applies these (patch-package) to the installed dependencies.
COPY patches ./patches
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20.20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
# Migrations run by their own command before the service starts, never through `synchronize`
# (the gateway has no database and no migrate command).
CMD ["sh", "-c", "if [ -f dist/apps/${SERVICE}/src/migrate.js ]; then node dist/apps/${SERVICE}/src/migrate.js; fi && exec node dist/apps/${SERVICE}/src/main.js"]
