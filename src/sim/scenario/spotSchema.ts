/**
 * Spot leases (research §9 extras "reserved vs spot", AEP-46 [V, draft]; RunPod's spot and
 * on-demand prices, research §7.2 [S]): part of the tenants rent GPUs as spot, at a discount, and
 * accept that an on-demand order that finds no free GPU may take theirs after a short notice. Optional:
 * without it every lease is on-demand and nothing is preempted (the model before 0.12.0, whose runs,
 * hashes and columns it keeps).
 */
import { z } from 'zod';
import { num } from './params.ts';
import { JOB_CLASSES } from './names.ts';

export const spotSchema = z
  .strictObject({
    share: num(0.3, 0, 1, {
      unit: 'share of jobs',
      doc: "Share of new jobs ordered as spot, in each class that rents spot; a spot job's re-orders stay spot (research §9 extras puts 30% of demand on the other side, reservations; no network publishes its spot share [D])",
    }),
    classes: z
      .array(z.enum(JOB_CLASSES))
      .min(1)
      .optional()
      .meta({ description: 'Job classes that rent spot (all if omitted): batch work that can stop and resume, such as training and rendering, rather than inference endpoints; the added spot demand comes from these classes only' }),
    priceMultiplier: num(0.57, 0.05, 1, {
      unit: 'x price',
      doc: "A spot lease pays this times the price it is matched at; its tenant's budget is discounted alike (its outside option is the cloud's spot price), so it affords the same providers as an on-demand order (RunPod spot / on-demand, Mar 2026: 0.22/0.39, 0.34/0.60, 0.79/1.40, 1.39/2.45, 2.69/4.76 = 0.56-0.57, research §7.2 [S])",
    }),
    addedDemand: num(0, 0, 1, {
      unit: 'spot jobs per arriving job',
      doc: "Spot demand the network did not have: each arriving job brings, with this chance, one more job that rents spot, drawn like any job (same class mix and budgets in on-demand terms: in dollars its tenant's budget is the multiplier times a usual one, which most on-demand asks exceed). 0: spot only takes a share of the same jobs [D]",
    }),
    noticeMinutes: num(2, 0, 60, {
      unit: 'min',
      doc: 'Warning a preempted spot lease gets (AEP-46: 2 minutes [V, draft]): the tenant checkpoints and keeps all its progress, and the on-demand lease starts no sooner than the notice ends; 0: no warning, the work since the last checkpoint is lost, as in a failure',
    }),
  })
  .optional()
  .meta({
    description:
      'Spot leases: a share of jobs rent at a discount and can be preempted by an on-demand order that finds no free GPU (research §9 extras, AEP-46). If omitted, every lease is on-demand',
  });

export type SpotParams = NonNullable<z.output<typeof spotSchema>>;
