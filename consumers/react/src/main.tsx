// React 19 in StrictMode: the number through "wa-signup", the signup through
// the <wa-signup-connect> custom element (React 19 sets its properties and
// listens to its events natively).
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import init, { isE164, parsePhoneNumber } from "wa-signup";
import "wa-signup/widget";
import type { WaSignupConnectEventMap } from "wa-signup/widget";
import type {} from "wa-signup/widget/react";
import { outcomeSummary, phoneReport } from "../../shared/page.js";

await init();

function App() {
  const [outcome, setOutcome] = useState<unknown>(null);
  const phone = phoneReport({ isE164, parsePhoneNumber });
  return (
    <main>
      <output id="phone">{JSON.stringify(phone)}</output>
      <wa-signup-connect
        id="signup"
        appId="1234567890"
        configId="9876543210"
        callbackUrl="/api/signup/callback"
        {...{ "onwa-signup:success": (e: WaSignupConnectEventMap["wa-signup:success"]) => setOutcome(outcomeSummary(e.detail)) }}
      />
      <output id="outcome">{outcome === null ? "" : JSON.stringify(outcome)}</output>
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
