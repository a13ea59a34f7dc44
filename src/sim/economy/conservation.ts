/**
 * The token economy's invariants, asserted at the end of every epoch: the ledger balances in every
 * asset, and the token supply equals the genesis supply plus everything minted minus everything
 * burned, exactly (base units are integers, so not a unit may go astray). mint() and burn() are the
 * only ways tokens enter or leave, and they keep the running totals this checks the ledger against.
 */
import { LedgerError, UNITS_PER, type Ledger } from './ledger.ts';
import { sumsToZero } from './exactSum.ts';

/** Invariants: the ledger balances and supply = genesis + minted - burned, exactly; throws a LedgerError otherwise. */
export function assertConserved(L: Ledger, supplyUnits: number, genesisUnits: number, mintedUnits: number, burnedUnits: number): void {
  L.assertBalanced();
  const s = supplyUnits;
  if (!sumsToZero([s, -genesisUnits, -mintedUnits, burnedUnits])) {
    throw new LedgerError(`token supply ${s / UNITS_PER} != genesis + minted - burned (${(genesisUnits + mintedUnits - burnedUnits) / UNITS_PER})`, {
      seq: L.entries,
      asset: 'token',
      from: 'token mint',
      to: 'token burn',
      amount: 0,
      memo: 'conservation check',
    });
  }
}
