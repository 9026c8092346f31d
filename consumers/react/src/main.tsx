// React 19 in StrictMode: the number through "wa-signup", the signup through
// <wa-signup-connect> as web/README.md's React 19 example writes it (React 19
// sets the element's properties and listens to its events natively).
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import init, { isE164, parsePhoneNumber, WaSignupError } from "wa-signup";
import "wa-signup/widget/react"; // defines <wa-signup-connect>; JSX types
import type { EmbeddedSignupOutcome } from "wa-signup/widget";
import { outcomeSummary, phoneReport } from "../../shared/page.js";

await init();

type Connected = Extract<EmbeddedSignupOutcome, { type: "connected" }>;

function ConnectWhatsApp() {
  const [outcome, setOutcome] = useState<Connected | null>(null);
  return (
    <>
      <wa-signup-connect
        id="signup"
        appId="1234567890"
        configId="9876543210"
        callbackUrl="/api/signup/callback"
        {...{ "onwa-signup:success": (e) => setOutcome(e.detail) }}
      />
      <output id="outcome">{outcome && JSON.stringify(outcomeSummary(outcome))}</output>
    </>
  );
}

function App() {
  return (
    <main>
      <output id="phone">{JSON.stringify(phoneReport({ isE164, parsePhoneNumber, WaSignupError }))}</output>
      <ConnectWhatsApp />
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
