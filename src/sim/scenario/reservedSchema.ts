/**
 * Reserved instances (research §9 extras "reserved vs spot": 30% of demand asks for 1-12-month
 * reservations at a 20-40% discount, AEP-44 [V, draft]): part of the tenants book GPUs for months at a
 * discount instead of ordering each job. Optional: without it every lease is on-demand or spot (the
 * model before 0.13.0, whose runs, hashes and columns it keeps).
 */
import { z } from 'zod';
import { int, num } from './params.ts';
import { JOB_CLASSES } from './names.ts';

export const reservedSchema = z
  .strictObject({
    share: num(0.3, 0, 1, {
      unit: 'share of GPU-hours',
      doc: "Share of the GPU-hours demanded by the classes that reserve that their tenants book as reservations instead of ordering job by job (research §9 extras: 30% of demand [V, draft]). Each new job of such a class runs, with this chance, inside its tenant's reservation and is not ordered; reservation orders arrive in their stead, as many GPU-hours on average",
    }),
    classes: z
      .array(z.enum(JOB_CLASSES))
      .min(1)
      .optional()
      .meta({ description: 'Job classes whose tenants reserve (all if omitted): steady work such as inference endpoints and long training programmes, rather than one-off batches' }),
    discount: num(0.3, 0, 0.9, {
      unit: 'share of price',
      doc: "A reservation pays (1 - discount) times the provider's ask for its whole term, whatever the ask does later; its tenant's budget is compared with the ask, as an on-demand order's (research §9 extras: 20-40% [V, draft]; the middle, 30% [D])",
    }),
    patienceHours: num(24, 0, 720, {
      unit: 'h',
      doc: "How long a reservation order waits for a provider before its tenant gives up (a tenant booking months ahead waits longer than one ordering a job: a day [D]); its booking runs from the order, so the wait comes off the term. What a failure leaves of a booking waits as long for another provider, or until the booking ends if that is sooner",
    }),
    minTermMonths: int(1, 1, 36, { unit: 'months', doc: 'Shortest reservation term, in whole months of 730 h (research §9 extras: 1 month [V, draft])' }),
    maxTermMonths: int(12, 1, 36, { unit: 'months', doc: 'Longest reservation term; terms are uniform over the whole months from min to max (research §9 extras: 12 months [V, draft]; uniform [D])' }),
  })
  .refine((r) => r.minTermMonths <= r.maxTermMonths, { message: 'minTermMonths must not exceed maxTermMonths', path: ['minTermMonths'] })
  .optional()
  .meta({
    description:
      'Reserved instances: a share of demand is booked for 1-12 months at a discount on always-on providers, instead of ordered job by job (research §9 extras, AEP-44). If omitted, nobody reserves',
  });

export type ReservedParams = NonNullable<z.output<typeof reservedSchema>>;

/** Hours in a reservation month (8760 / 12). */
export const HOURS_PER_MONTH = 730;
