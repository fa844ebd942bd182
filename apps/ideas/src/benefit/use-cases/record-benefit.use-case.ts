import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { IdeaBenefitRecordedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { originOf } from '../../idea/idea-events.js';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { BenefitError } from '../benefit.errors.js';
import type { BenefitResponse, BenefitsResponse, RecordBenefitDto } from '../dto/benefit.dto.js';

interface BenefitRow {
  id: string;
  period_start: string;
  period_end: string;
  usd_saved: string;
  staff_hours_saved: string;
  beneficiaries: number;
  note: string | null;
  recorded_by: string;
  recorded_at: Date;
}

const COLUMNS = `id, to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end,
  usd_saved, staff_hours_saved, beneficiaries, note, recorded_by, recorded_at`;

function responseOf(row: BenefitRow): BenefitResponse {
  return {
    id: row.id,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    usdSaved: Number(row.usd_saved),
    staffHoursSaved: Number(row.staff_hours_saved),
    beneficiaries: row.beneficiaries,
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at.toISOString(),
  };
}

/** Benefits realised by an adopted idea, period by period: what the organisation gained. */
@Injectable()
export class RecordBenefitUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async record({ user, ideaId, benefit }: { user: AuthenticatedUser; ideaId: string; benefit: RecordBenefitDto }): Promise<BenefitResponse> {
    if (benefit.periodEnd < benefit.periodStart) throw BenefitError.invalidPeriod();
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisible(ideaId, user.sub, manager);
      if (!idea.isOnTeam(user.sub) && !user.roles.includes('ikmu_admin')) throw BenefitError.notAllowed();
      idea.assertStatus(['adopted', 'scaled'], 'recording benefits');
      const now = new Date();
      const [row]: BenefitRow[] = await manager.query(
        `INSERT INTO benefits (id, idea_id, period_start, period_end, usd_saved, staff_hours_saved, beneficiaries, note, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
        [randomUUID(), ideaId, benefit.periodStart, benefit.periodEnd, benefit.usdSaved, benefit.staffHoursSaved, benefit.beneficiaries, benefit.note ?? null, user.sub, now],
      );
      await this.outbox.append(manager, IdeaBenefitRecordedV1, ideaId, {
        ideaId,
        benefitId: row.id,
        ...originOf(idea),
        periodStart: row.period_start,
        periodEnd: row.period_end,
        usdSaved: Number(row.usd_saved),
        staffHoursSaved: Number(row.staff_hours_saved),
        beneficiaries: row.beneficiaries,
        recordedBy: user.sub,
        recordedAt: now.toISOString(),
      });
      return responseOf(row);
    });
  }

  async list({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<BenefitsResponse> {
    await this.ideas.getVisible(ideaId, user.sub);
    const rows: BenefitRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM benefits WHERE idea_id = $1 ORDER BY period_end, id`, [ideaId]);
    const items = rows.map(responseOf);
    const totals = items.reduce(
      (sum, item) => ({
        usdSaved: sum.usdSaved + item.usdSaved,
        staffHoursSaved: sum.staffHoursSaved + item.staffHoursSaved,
        beneficiaries: sum.beneficiaries + item.beneficiaries,
      }),
      { usdSaved: 0, staffHoursSaved: 0, beneficiaries: 0 },
    );
    return { items, totals: { ...totals, usdSaved: Math.round(totals.usdSaved * 100) / 100, staffHoursSaved: Math.round(totals.staffHoursSaved * 100) / 100 } };
  }
}
