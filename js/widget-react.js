// `wa-signup/widget/react`: the same module as `wa-signup/widget` (it defines
// <wa-signup-connect>); its types add the element to React 19's JSX.
export * from "./widget.js";
