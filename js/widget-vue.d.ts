// `wa-signup/widget/vue`: `wa-signup/widget` plus <wa-signup-connect> in Vue's template type
// checking (vue-tsc / Volar), the way Vue's guide types non-Vue custom elements. A separate
// entry so that projects without Vue compile `wa-signup/widget` as is.

import type { EmitFn, HTMLAttributes, PublicProps } from "vue";
import type {
  WaSignupConnectAttributes,
  WaSignupConnectElement,
  WaSignupConnectProps,
  WaSignupEventMap,
} from "./widget.js";

export * from "./widget.js";

/** `<wa-signup-connect>` as Vue's templates see it: its props and its `@wa-signup:*` events. */
export type WaSignupConnectVueComponent = new () => WaSignupConnectElement & {
  /** @deprecated For template type checking only: not a property of the element. */
  $props: HTMLAttributes & WaSignupConnectProps & WaSignupConnectAttributes & PublicProps;
  /** @deprecated For template type checking only: not a property of the element. */
  $emit: EmitFn<{ [K in keyof WaSignupEventMap]: (event: WaSignupEventMap[K]) => void }>;
};

declare module "vue" {
  interface GlobalComponents {
    "wa-signup-connect": WaSignupConnectVueComponent;
  }
}
