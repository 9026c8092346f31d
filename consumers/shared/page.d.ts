// Types of shared/page.js for the TypeScript fixtures (vite-ts, react).

/** The numbers every fixture checks. */
export declare const PHONE: { readonly valid: string; readonly local: string };
/** Writes `value` as JSON into #id. */
export declare function show(id: string, value: unknown): void;
/** The package's functions the page checks the numbers with. */
export interface PhoneFns {
  isE164(input: string): boolean;
  parsePhoneNumber(input: string): { e164: string; regions: readonly string[] };
  WaSignupError: abstract new (...args: never[]) => Error;
}
/** Validates the two numbers with the package's functions: what #phone must show. */
export declare function phoneReport(fns: PhoneFns): unknown;
/** phoneReport() shown in #phone. */
export declare function checkPhone(fns: PhoneFns): void;
/** What a run ended with, as #outcome shows it. */
export declare function outcomeSummary(outcome: {
  type: string;
  profile?: unknown;
  session?: { wabaId?: string };
}): unknown;
