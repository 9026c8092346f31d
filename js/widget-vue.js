// `wa-signup/widget/vue`: the same module as `wa-signup/widget` (it defines
// <wa-signup-connect>); its types add the element to Vue's template type checking.
export * from "./widget.js";
