// `wa-signup/widget/react`: `wa-signup/widget` plus <wa-signup-connect> in React 19's JSX.
// A separate entry so that projects without React's types compile `wa-signup/widget` as is.

import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type {
  WaSignupConnectAttributes,
  WaSignupConnectElement,
  WaSignupConnectProps,
  WaSignupEventMap,
} from "./widget.js";

export * from "./widget.js";

/**
 * React 19 listens to a custom element's events through props named `on` + the event name
 * (`"onwa-signup:success"`): spread them (`{...{ "onwa-signup:success": fn }}`), since JSX
 * attribute names cannot hold a colon in every compiler.
 */
export type WaSignupConnectReactEvents = {
  [K in keyof WaSignupEventMap as `on${K}`]?: (event: WaSignupEventMap[K]) => void;
};

/** The props of `<wa-signup-connect>` in JSX: HTML props, the options (camelCase or kebab-case) and the events. */
export type WaSignupConnectJsxProps = DetailedHTMLProps<HTMLAttributes<WaSignupConnectElement>, WaSignupConnectElement> &
  WaSignupConnectProps &
  WaSignupConnectAttributes &
  WaSignupConnectReactEvents;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "wa-signup-connect": WaSignupConnectJsxProps;
    }
  }
}
