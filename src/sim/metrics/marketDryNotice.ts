/**
 * The sentence a run gets when its token market ran out of tokens for sale (the economy's float:
 * economy.ts `forSale`). Such a run is valid, but its providers could not buy their stake and its
 * tenants' USD bought fewer tokens than the price says, so whoever reads its numbers should know,
 * in the CLI's summary and on the dashboard alike. Null when the float never ran out.
 */

/** Over rows [from, to) of a metrics table's columns (a run without an economy has no such column). */
export function marketDryNotice(data: Readonly<Record<string, ArrayLike<number> | undefined>>, from: number, to: number): string | null {
  const short = data.token_buy_shortfall_tokens;
  if (!short) return null;
  let rows = 0;
  let first = -1;
  for (let i = from; i < to; i++) {
    if (short[i] > 0) {
      rows++;
      if (first < 0) first = i;
    }
  }
  if (rows === 0) return null;
  const day = data.day;
  const daily = day && to - from > 1 ? day[from + 1] - day[from] === 1 : true;
  const when = daily ? `on ${rows} of ${to - from} days` : `in ${rows} of ${to - from} metrics periods`;
  const firstDay = day ? Math.round(day[first] * 100) / 100 : first + 1;
  return (
    `The token market ran out of tokens for sale ${when}, first on day ${firstDay} (token_buy_shortfall_tokens): ` +
    `stake purchases got what was for sale and providers short of stake took no leases, and tenants' and buy-backs' USD bought every token left. ` +
    `A larger economy.token.initialSupply or a smaller economy.staking.baseTokensPerGpu gives a market that can supply them.`
  );
}
