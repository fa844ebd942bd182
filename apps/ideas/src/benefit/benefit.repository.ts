import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A benefit as stored: dates as `YYYY-MM-DD`, amounts as numbers. */
export interface Benefit {
  id: string;
  periodStart: string;
  periodEnd: string;
  usdSaved: number;
  staffHoursSaved: number;
  beneficiaries: number;
  note: string | null;
  recordedBy: string;
  recordedAt: Date;
}

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

function benefitOf(row: BenefitRow): Benefit {
  return {
    id: row.id,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    usdSaved: Number(row.usd_saved),
    staffHoursSaved: Number(row.staff_hours_saved),
    beneficiaries: row.beneficiaries,
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

/** Benefits an adopted idea realised, period by period. */
@Injectable()
export class BenefitRepository {
  async insert(manager: EntityManager, ideaId: string, benefit: Omit<Benefit, 'note'> & { note?: string }): Promise<Benefit> {
    const [row]: BenefitRow[] = await manager.query(
      `INSERT INTO benefits (id, idea_id, period_start, period_end, usd_saved, staff_hours_saved, beneficiaries, note, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [
        benefit.id,
        ideaId,
        benefit.periodStart,
        benefit.periodEnd,
        benefit.usdSaved,
        benefit.staffHoursSaved,
        benefit.beneficiaries,
        benefit.note ?? null,
        benefit.recordedBy,
        benefit.recordedAt,
      ],
    );
    return benefitOf(row);
  }

  /** By the end of their period, oldest first. */
  async listForIdea(manager: EntityManager, ideaId: string): Promise<Benefit[]> {
    const rows: BenefitRow[] = await manager.query(`SELECT ${COLUMNS} FROM benefits WHERE idea_id = $1 ORDER BY period_end, id`, [ideaId]);
    return rows.map(benefitOf);
  }
}
