// How figures read in the view. One locale (en-US) so the view reads the same on every machine and in tests.

const LOCALE = "en-US";

/** DISTRIBUTOR -> "Distributor", SYSTEM_INTEGRATOR -> "System integrator". */
export function enumLabel(value) {
  if (!value) return "";
  const words = String(value).toLowerCase().split("_");
  return [words[0].charAt(0).toUpperCase() + words[0].slice(1), ...words.slice(1)].join(" ");
}

function fractionDigits(currency) {
  return new Intl.NumberFormat(LOCALE, { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
}

/** MinorUnits (an integer of the currency's minor unit) as money: 5001000000 USD -> "$50,010,000.00". */
export function money(minorUnits, currency) {
  const digits = fractionDigits(currency);
  return new Intl.NumberFormat(LOCALE, { style: "currency", currency }).format(Number(minorUnits) / 10 ** digits);
}

/** The same, short, for chart labels: "$50M", "$10K". */
export function compactMoney(minorUnits, currency) {
  const digits = fractionDigits(currency);
  return new Intl.NumberFormat(LOCALE, { style: "currency", currency, notation: "compact" })
    .format(Number(minorUnits) / 10 ** digits);
}

/** A signed money change: "+$1,000.00", "−$470,000.00". */
export function moneyChange(minorUnits, currency) {
  const amount = Number(minorUnits);
  const text = money(Math.abs(amount), currency);
  return amount > 0 ? `+${text}` : amount < 0 ? `\u2212${text}` : text;
}

/** A ratio as a percentage (0.6667 -> "66.7%"); an em dash when there is none. */
export function percent(ratio) {
  if (ratio === null || ratio === undefined) return "\u2014";
  return new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 1, signDisplay: "auto" })
    .format(ratio);
}

export function count(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** A DateTime as a plain date: "2026-09-08". */
export function day(dateTime) {
  return String(dateTime).slice(0, 10);
}
