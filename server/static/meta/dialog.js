/*
 * wa-signup sandbox: the SIMULATED Embedded Signup dialog (not Meta's code).
 *
 * Walks Meta's screens (business portfolio, WhatsApp Business account, profile,
 * phone number, verification, permissions), then sends what Meta documents:
 *   - popup mode: `WA_EMBEDDED_SIGNUP` session events, as JSON text, to
 *     window.opener (targetOrigin = the opener's origin), and the one-time
 *     code to the simulated SDK in the opener;
 *   - redirect mode: navigates to redirect_uri?code=…&state=…#_=_ (or
 *     ?error=access_denied&… when cancelled).
 * Test knobs come from GET /__meta/dialog-config (set by POST /__sandbox/control).
 * What the page sent in `extras` (pre-filled business, phone profile,
 * solution id, features, version) is shown on every screen (#prefill), so a
 * test, or a person, sees what reached "Meta".
 */
(function () {
  "use strict";

  var AUTH_MESSAGE = "wa-signup-sandbox:auth";
  var EVENT_TYPE = "WA_EMBEDDED_SIGNUP";
  var ERROR_MESSAGE =
    "Your verified name violates WhatsApp guidelines. Please edit your verified name and try again.";
  var ERROR_ID = "524126";

  var q = new URLSearchParams(window.location.search);
  var req = {
    clientId: q.get("client_id") || "",
    configId: q.get("config_id") || "",
    responseType: q.get("response_type") || "",
    redirectUri: q.get("redirect_uri"),
    state: q.get("state"),
    openerOrigin: q.get("origin"),
    cb: q.get("cb"),
    extras: parseExtras(q.get("extras")),
  };
  var popupMode = !!(req.cb && window.opener);

  var config = null; // from /__meta/dialog-config
  var choice = {
    business: null,
    waba: null,
    newWaba: false,
    displayName: "",
    phone: null, // { id, displayPhoneNumber }
    phoneMode: "existing", // existing | new | coexistence | later
    newNumber: "",
  };
  var finished = false;
  var currentStep = "BUSINESS_ACCOUNT_SELECTION";

  var screenEl = document.getElementById("screen");
  var footEl = document.getElementById("foot");
  var progressEl = document.getElementById("progress");

  function parseExtras(text) {
    if (!text) {
      return {};
    }
    try {
      var v = JSON.parse(text);
      return v && typeof v === "object" ? v : {};
    } catch (e) {
      return {};
    }
  }

  function featureType() {
    return typeof req.extras.featureType === "string" ? req.extras.featureType : "";
  }

  function eventVersion() {
    if (config && config.control && config.control.version) {
      return config.control.version;
    }
    var v = String(req.extras.sessionInfoVersion || "");
    return v === "3" ? 3 : 4;
  }

  function validOrigin(origin) {
    try {
      return !!origin && new URL(origin).origin === origin;
    } catch (e) {
      return false;
    }
  }

  function randomDigits(n) {
    var bytes = new Uint8Array(n);
    crypto.getRandomValues(bytes);
    var s = String(1 + (bytes[0] % 9));
    for (var i = 1; i < n; i++) {
      s += String(bytes[i] % 10);
    }
    return s;
  }

  function randomHex(n) {
    var bytes = new Uint8Array(n);
    crypto.getRandomValues(bytes);
    return Array.prototype.map
      .call(bytes, function (b) {
        return (b < 16 ? "0" : "") + b.toString(16);
      })
      .join("")
      .slice(0, n);
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") {
        node.textContent = attrs[k];
      } else if (k === "onclick") {
        node.addEventListener("click", attrs[k]);
      } else if (attrs[k] === true) {
        node.setAttribute(k, "");
      } else if (attrs[k] !== false && attrs[k] != null) {
        node.setAttribute(k, attrs[k]);
      }
    });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  // ---- delivery -----------------------------------------------------------

  function sleep(ms) {
    return new Promise(function (resolve) {
      setTimeout(resolve, ms);
    });
  }

  function postEvent(payload) {
    window.opener.postMessage(JSON.stringify(payload), req.openerOrigin);
  }

  function postAuth(code) {
    window.opener.postMessage(
      { type: AUTH_MESSAGE, cb: req.cb, authResponse: code ? { code: code } : null },
      req.openerOrigin
    );
  }

  /** Sends the session event and the code in the order the knobs ask for. */
  async function deliverPopup(payload, code) {
    var c = config.control;
    var events = [];
    if (payload && !c.omitEvents) {
      events.push(payload);
      if (c.duplicateEvents) {
        events.push(payload);
      }
    }
    var sendEvents = function () {
      events.forEach(postEvent);
    };
    var sendAuth = function () {
      postAuth(c.noAuthResponse ? null : code);
    };
    var groups = c.eventsAfterCode ? [sendAuth, sendEvents] : [sendEvents, sendAuth];
    groups[0]();
    if (c.eventDelayMs > 0) {
      await sleep(c.eventDelayMs);
    }
    groups[1]();
    await sleep(50);
    window.close();
  }

  async function mintCode(spec) {
    var res = await fetch("/__meta/oauth/code", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(spec),
    });
    var body = await res.json();
    if (!res.ok || typeof body.code !== "string") {
      throw new Error((body.error && body.error.message) || "could not mint a code");
    }
    return body.code;
  }

  function redirectWith(params) {
    var url = new URL(req.redirectUri);
    Object.keys(params).forEach(function (k) {
      url.searchParams.set(k, params[k]);
    });
    if (req.state != null) {
      url.searchParams.set("state", req.state);
    }
    url.hash = "_=_";
    window.location.replace(url.toString());
  }

  /** Random Meta-style ids (15 digits), for the optional asset lists. */
  function someIds(n) {
    var ids = [];
    for (var i = 0; i < n; i++) {
      ids.push(randomDigits(15));
    }
    return ids;
  }

  /**
   * The finish event's `data`, in the shape each Meta page documents:
   * FINISH, FINISH_OBO_MIGRATION and FINISH_GRANT_ONLY_API_ACCESS carry all
   * three ids (implementation, app-only-install); coexistence only the WABA
   * (onboarding-business-app-users); FINISH_ONLY_WABA the WABA, and the
   * number when one was kept (bypass-phone-addition); a multi-WABA flow
   * `waba_ids`; the asset lists only when the person shared such assets.
   */
  function finishData(event, spec, opts) {
    var data;
    if (event === "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING") {
      data = { waba_id: spec.wabaId };
    } else if (event === "FINISH_ONLY_WABA") {
      data = opts.keepPhone && spec.phoneNumberId
        ? { phone_number_id: spec.phoneNumberId, waba_id: spec.wabaId }
        : { waba_id: spec.wabaId };
    } else {
      data = { phone_number_id: spec.phoneNumberId, waba_id: spec.wabaId, business_id: spec.businessId };
    }
    if (opts.wabaIds) {
      delete data.waba_id;
      data.waba_ids = opts.wabaIds;
    }
    if (config.control.withAssets) {
      data.ad_account_ids = someIds(1);
      data.page_ids = someIds(2);
      data.dataset_ids = someIds(1);
      data.catalog_ids = someIds(1);
      data.instagram_account_ids = someIds(1);
    }
    return data;
  }

  /** Ends the flow successfully with `event` (one of the FINISH_* names). */
  async function finish(event, opts) {
    if (finished) {
      return;
    }
    opts = opts || {};
    finished = true;
    showDone("Finishing…");
    var withPhone = (event !== "FINISH_ONLY_WABA" || opts.keepPhone) && choice.phone;
    var spec = {
      wabaId: choice.waba.id,
      businessId: choice.business.id,
      businessName: choice.business.name,
      phoneNumberId: withPhone ? choice.phone.id : null,
      displayPhoneNumber: withPhone ? choice.phone.displayPhoneNumber : null,
      isCoexistence: event === "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING",
      redirectUri: popupMode ? null : req.redirectUri,
      appId: req.clientId,
    };
    var payload = { data: finishData(event, spec, opts), type: EVENT_TYPE, event: event, version: eventVersion() };
    var code = null;
    if (!(popupMode && config.control.noAuthResponse)) {
      try {
        code = await mintCode(spec);
      } catch (e) {
        showDone("Something went wrong: " + e.message);
        return;
      }
    }
    if (popupMode) {
      showDone("Done. This window closes by itself.");
      await deliverPopup(payload, code);
    } else {
      redirectWith({ code: code });
    }
  }

  /** Abandons the flow at `step` (Meta's current_step value). */
  async function cancel(step) {
    if (finished) {
      return;
    }
    finished = true;
    showDone("Cancelled.");
    if (popupMode) {
      await deliverPopup(
        { data: { current_step: step }, type: EVENT_TYPE, event: "CANCEL", version: eventVersion() },
        null
      );
    } else {
      redirectWith({
        error: "access_denied",
        error_code: "200",
        error_description: "Permissions error",
        error_reason: "user_denied",
      });
    }
  }

  /** The error CANCEL data: the v3 page names the code `error_id`, the v4
   * implementation guide `error_code`. */
  function errorData() {
    var data = { error_message: ERROR_MESSAGE };
    data[eventVersion() === 3 ? "error_id" : "error_code"] = ERROR_ID;
    data.session_id = randomHex(15);
    data.timestamp = String(Math.floor(Date.now() / 1000));
    return data;
  }

  /** Ends the flow with Meta's error-shaped CANCEL event (or, with
   * `event: "ERROR"`, the ERROR event the implementation page names). */
  async function fail(event) {
    if (finished) {
      return;
    }
    finished = true;
    showDone("An error occurred: " + ERROR_MESSAGE);
    if (popupMode) {
      await deliverPopup(
        {
          data: errorData(),
          type: EVENT_TYPE,
          event: event || "CANCEL",
          version: eventVersion(),
        },
        null
      );
    } else {
      redirectWith({
        error: "access_denied",
        error_code: "200",
        error_description: ERROR_MESSAGE,
        error_reason: "user_denied",
      });
    }
  }

  // ---- screens ------------------------------------------------------------

  var STEPS = [
    { id: "BUSINESS_ACCOUNT_SELECTION", label: "Business" },
    { id: "WABA_PHONE_PROFILE_PICKER", label: "WhatsApp account" },
    { id: "WHATSAPP_BUSINESS_PROFILE_SETUP", label: "Profile" },
    { id: "PHONE_NUMBER_SETUP", label: "Phone number" },
    { id: "PHONE_NUMBER_VERIFICATION", label: "Verify" },
    { id: "PERMISSIONS", label: "Permissions" },
  ];

  function stepsInPlay() {
    return STEPS.filter(function (s) {
      if (featureType() === "only_waba_sharing") {
        return s.id !== "PHONE_NUMBER_SETUP" && s.id !== "PHONE_NUMBER_VERIFICATION";
      }
      if (s.id === "PHONE_NUMBER_VERIFICATION") {
        return choice.phoneMode === "new" || choice.phoneMode === "coexistence";
      }
      return true;
    });
  }

  function renderProgress(current) {
    progressEl.textContent = "";
    var seen = false;
    stepsInPlay().forEach(function (s) {
      var li = el("li", { text: s.label });
      if (s.id === current) {
        li.setAttribute("aria-current", "step");
        seen = true;
      } else if (!seen) {
        li.className = "done";
      }
      progressEl.appendChild(li);
    });
  }

  function nextStep(current) {
    var steps = stepsInPlay();
    for (var i = 0; i < steps.length - 1; i++) {
      if (steps[i].id === current) {
        return steps[i + 1].id;
      }
    }
    return null;
  }

  function prevStep(current) {
    var steps = stepsInPlay();
    for (var i = 1; i < steps.length; i++) {
      if (steps[i].id === current) {
        return steps[i - 1].id;
      }
    }
    return null;
  }

  function screen(step, title, lead, body, onContinue, continueLabel) {
    currentStep = step;
    renderProgress(step);
    screenEl.textContent = "";
    screenEl.appendChild(el("h1", { id: "screen-title", text: title }));
    if (lead) {
      screenEl.appendChild(el("p", { class: "lead", text: lead }));
    }
    body.forEach(function (n) {
      screenEl.appendChild(n);
    });
    var err = el("p", { class: "error-text", id: "step-error", role: "alert" });
    screenEl.appendChild(err);
    footEl.textContent = "";
    footEl.appendChild(
      el("button", { type: "button", class: "danger", "data-action": "cancel", onclick: function () { cancel(step); } }, [
        "Cancel",
      ])
    );
    footEl.appendChild(
      el("button", { type: "button", class: "danger", "data-action": "error", onclick: function () { fail(); } }, ["Simulate an error"])
    );
    footEl.appendChild(el("span", { class: "spacer" }));
    var back = prevStep(step);
    if (back) {
      footEl.appendChild(
        el("button", { type: "button", class: "secondary", "data-action": "back", onclick: function () { show(back); } }, [
          "Back",
        ])
      );
    }
    footEl.appendChild(
      el(
        "button",
        {
          type: "button",
          class: "primary",
          "data-action": "continue",
          onclick: function () {
            var problem = onContinue();
            if (problem) {
              err.textContent = problem;
            }
          },
        },
        [continueLabel || "Continue"]
      )
    );
    var firstInput = screenEl.querySelector("input, select");
    (firstInput || footEl.querySelector("button.primary")).focus();
  }

  function radio(name, value, checked, title, detail) {
    return el("label", { class: "choice" }, [
      el("input", { type: "radio", name: name, value: value, checked: !!checked }),
      el("span", {}, [title, detail ? el("small", { text: detail }) : ""]),
    ]);
  }

  function picked(name) {
    var input = screenEl.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : null;
  }

  function advance(step) {
    var next = nextStep(step);
    if (next) {
      show(next);
    } else {
      finish(finishEvent());
    }
  }

  function finishEvent() {
    if (featureType() === "only_waba_sharing" || choice.phoneMode === "later") {
      return "FINISH_ONLY_WABA";
    }
    if (choice.phoneMode === "coexistence") {
      return "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING";
    }
    return "FINISH";
  }

  function show(step) {
    var assets = config.assets;
    switch (step) {
      case "BUSINESS_ACCOUNT_SELECTION":
        screen(
          step,
          "Choose your business portfolio",
          "The business portfolio that will own your WhatsApp Business account.",
          [
            el(
              "fieldset",
              {},
              assets.businesses.map(function (b, i) {
                var current = choice.business ? choice.business.id === b.id : i === 0;
                return radio("business", b.id, current, b.name, "Portfolio ID " + b.id);
              })
            ),
          ],
          function () {
            var id = picked("business");
            choice.business = assets.businesses.find(function (b) {
              return b.id === id;
            });
            if (!choice.business) {
              return "Choose a business portfolio.";
            }
            advance(step);
          }
        );
        break;
      case "WABA_PHONE_PROFILE_PICKER":
        screen(
          step,
          "Choose a WhatsApp Business account",
          "Select an existing account or create a new one for " + choice.business.name + ".",
          [
            el(
              "fieldset",
              {},
              choice.business.wabas
                .map(function (w, i) {
                  return radio("waba", w.id, i === 0, w.name, "WhatsApp Business account ID " + w.id);
                })
                .concat([radio("waba", "new", false, "Create a new WhatsApp Business account", "")])
            ),
          ],
          function () {
            var id = picked("waba");
            if (id === "new") {
              choice.newWaba = true;
              choice.waba = { id: randomDigits(15), name: choice.business.name, phoneNumbers: [] };
            } else {
              choice.newWaba = false;
              choice.waba = choice.business.wabas.find(function (w) {
                return w.id === id;
              });
            }
            if (!choice.waba) {
              return "Choose an account.";
            }
            choice.displayName = choice.waba.name;
            advance(step);
          }
        );
        break;
      case "WHATSAPP_BUSINESS_PROFILE_SETUP":
        screen(
          step,
          "Create your WhatsApp Business profile",
          "Customers see this name and category.",
          [
            el("label", { class: "field" }, [
              "WhatsApp Business display name",
              el("input", { id: "display-name", value: choice.displayName, maxlength: "100" }),
            ]),
            el("label", { class: "field" }, [
              "Category",
              el("select", { id: "category" }, [
                el("option", { text: "Professional services" }),
                el("option", { text: "Shopping and retail" }),
                el("option", { text: "Other" }),
              ]),
            ]),
          ],
          function () {
            var name = document.getElementById("display-name").value.trim();
            if (!name) {
              return "Enter a display name.";
            }
            choice.displayName = name;
            advance(step);
          }
        );
        break;
      case "PHONE_NUMBER_SETUP":
        var numbers = choice.waba.phoneNumbers || [];
        var options = numbers.map(function (n, i) {
          return radio("phone", "existing:" + n.id, i === 0, n.displayPhoneNumber, "Phone number ID " + n.id);
        });
        options.push(radio("phone", "new", numbers.length === 0, "Add a new phone number", ""));
        if (featureType() === "whatsapp_business_app_onboarding") {
          options.push(
            radio(
              "phone",
              "coexistence",
              false,
              "Connect your existing WhatsApp Business app",
              "Keep using the app on " + assets.coexistence.displayPhoneNumber + " alongside the API"
            )
          );
        }
        options.push(radio("phone", "later", false, "Add a phone number later", "Finish with the account only"));
        screen(
          step,
          "Add a phone number",
          "The number customers will message.",
          [
            el("fieldset", {}, options),
            el("label", { class: "field" }, [
              "New number (E.164)",
              el("input", { id: "new-number", value: choice.newNumber || "+15550001234", inputmode: "tel" }),
            ]),
          ],
          function () {
            var v = picked("phone") || "";
            if (v.indexOf("existing:") === 0) {
              var id = v.slice("existing:".length);
              choice.phoneMode = "existing";
              choice.phone = numbers.find(function (n) {
                return n.id === id;
              });
            } else if (v === "new") {
              var raw = document.getElementById("new-number").value.replace(/[\s()-]/g, "");
              if (!/^\+[1-9][0-9]{6,14}$/.test(raw)) {
                return "Enter the number in international format, e.g. +15550001234.";
              }
              choice.phoneMode = "new";
              choice.newNumber = raw;
              choice.phone = { id: randomDigits(15), displayPhoneNumber: raw };
            } else if (v === "coexistence") {
              choice.phoneMode = "coexistence";
              choice.phone = assets.coexistence;
            } else {
              choice.phoneMode = "later";
              choice.phone = null;
            }
            advance(step);
          }
        );
        break;
      case "PHONE_NUMBER_VERIFICATION":
        screen(
          step,
          choice.phoneMode === "coexistence" ? "Confirm in the WhatsApp Business app" : "Verify your phone number",
          "Enter the 6-digit code sent to " + choice.phone.displayPhoneNumber + ". In the sandbox it is 123456.",
          [el("label", { class: "field" }, ["Code", el("input", { id: "otp", inputmode: "numeric", value: "123456" })])],
          function () {
            if (document.getElementById("otp").value.trim() !== "123456") {
              return "That code is not right. In the sandbox the code is 123456.";
            }
            advance(step);
          }
        );
        break;
      case "PERMISSIONS":
        screen(
          step,
          "Review what Sandbox app can do",
          "App ID " + req.clientId + " will be able to:",
          [
            el("ul", { class: "perm-list" }, [
              el("li", { text: "Manage your WhatsApp Business account " + choice.waba.id }),
              el("li", { text: "Send and receive messages" + (choice.phone ? " on " + choice.phone.displayPhoneNumber : "") }),
              el("li", { text: "Read your business portfolio " + choice.business.name }),
            ]),
          ],
          function () {
            finish(finishEvent());
          },
          "Confirm"
        );
        break;
    }
  }

  function showDone(text) {
    screenEl.textContent = "";
    footEl.textContent = "";
    progressEl.textContent = "";
    screenEl.appendChild(el("div", { class: "done-panel" }, [el("h1", { id: "screen-title", text: text })]));
  }

  function showError(title, detail) {
    finished = true;
    screenEl.textContent = "";
    footEl.textContent = "";
    screenEl.appendChild(el("h1", { id: "screen-title", text: title }));
    screenEl.appendChild(el("p", { class: "lead", text: detail }));
    footEl.appendChild(
      el("button", { type: "button", class: "secondary", onclick: function () { window.close(); } }, ["Close"])
    );
  }

  // ---- what the page pre-filled (extras) --------------------------------------

  /** The pre-filled values as [field, label, text] rows, in Meta's names. */
  function prefillRows() {
    var x = req.extras || {};
    var setup = x.setup && typeof x.setup === "object" ? x.setup : {};
    var b = setup.business && typeof setup.business === "object" ? setup.business : {};
    var addr = b.address && typeof b.address === "object" ? b.address : {};
    var p = setup.phone && typeof setup.phone === "object" ? setup.phone : {};
    var ids = function (o) {
      return o && Array.isArray(o.ids) ? o.ids.join(", ") : null;
    };
    var rows = [
      ["version", "Version", x.version],
      ["featureType", "Feature type", x.featureType],
      ["features", "Features", Array.isArray(x.features) ? x.features.map(function (f) { return f && f.name; }).join(", ") : null],
      ["solutionID", "Solution", setup.solutionID],
      ["business.id", "Business portfolio id", b.id],
      ["business.name", "Business name", b.name],
      ["business.email", "Business email", b.email],
      ["business.phone", "Business phone", b.phone ? "+" + b.phone.code + " " + b.phone.number : null],
      ["business.website", "Website", b.website],
      ["business.address.country", "Country", addr.country],
      ["business.timezone", "Time zone", b.timezone],
      ["phone.displayName", "Display name", p.displayName],
      ["phone.category", "Category", p.category],
      ["preVerifiedPhone", "Pre-verified numbers", ids(setup.preVerifiedPhone)],
      ["whatsAppBusinessAccount", "WhatsApp Business accounts", ids(setup.whatsAppBusinessAccount)],
    ];
    return rows.filter(function (r) {
      return r[2] != null && r[2] !== "";
    });
  }

  /** Shows what arrived in `extras` above every screen. */
  function renderPrefill() {
    var rows = prefillRows();
    if (!rows.length) {
      return;
    }
    var list = el("dl", { id: "prefill", class: "prefill", "aria-label": "Pre-filled by the platform" });
    rows.forEach(function (r) {
      list.appendChild(el("dt", { text: r[1] }));
      list.appendChild(el("dd", { "data-field": r[0], text: String(r[2]) }));
    });
    var wrap = el("aside", { class: "prefill-box" }, [el("p", { class: "prefill-title", text: "Pre-filled by the platform" }), list]);
    var main = document.querySelector("main.dialog");
    main.insertBefore(wrap, document.getElementById("screen"));
  }

  // ---- auto mode ----------------------------------------------------------

  function runAuto(outcome) {
    var assets = config.assets;
    choice.business = assets.businesses[0];
    choice.waba = choice.business.wabas[0];
    choice.phone = choice.waba.phoneNumbers[0];
    switch (outcome) {
      case "finish":
        choice.phoneMode = "existing";
        return finish("FINISH");
      case "finishOnlyWaba":
        choice.phoneMode = "later";
        choice.phone = null;
        return finish("FINISH_ONLY_WABA");
      case "finishOnlyWabaWithPhone":
        choice.phoneMode = "existing";
        return finish("FINISH_ONLY_WABA", { keepPhone: true });
      case "oboMigration":
        choice.phoneMode = "existing";
        return finish("FINISH_OBO_MIGRATION");
      case "grantOnlyApiAccess":
        choice.phoneMode = "existing";
        return finish("FINISH_GRANT_ONLY_API_ACCESS");
      case "multiWaba":
        choice.phoneMode = "existing";
        return finish("FINISH", {
          wabaIds: choice.business.wabas.map(function (w) {
            return w.id;
          }),
        });
      case "coexistence":
        choice.phoneMode = "coexistence";
        choice.phone = assets.coexistence;
        return finish("FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING");
      case "cancel":
        return cancel(config.control.cancelStep || "PHONE_NUMBER_SETUP");
      case "error":
        return fail();
      case "metaError":
        return fail("ERROR");
    }
  }

  // ---- start --------------------------------------------------------------

  async function start() {
    if (!/^[1-9][0-9]{0,19}$/.test(req.clientId)) {
      return showError("Invalid App ID", "The client_id parameter must be a numeric Meta app ID.");
    }
    if (!/^[1-9][0-9]{0,19}$/.test(req.configId)) {
      return showError("Invalid configuration", "The config_id parameter must be a numeric configuration ID.");
    }
    if (req.responseType !== "code") {
      return showError("Unsupported response type", "Embedded Signup needs response_type=code.");
    }
    if (req.cb) {
      if (!window.opener || !validOrigin(req.openerOrigin)) {
        return showError("Can't connect", "This window was not opened by FB.login() from a valid origin.");
      }
    } else if (!req.redirectUri) {
      return showError("Missing redirect_uri", "Without FB.login(), the dialog needs a redirect_uri.");
    } else {
      try {
        new URL(req.redirectUri);
      } catch (e) {
        return showError("Invalid redirect_uri", "The redirect_uri parameter is not an absolute URL.");
      }
    }
    try {
      var res = await fetch("/__meta/dialog-config", { cache: "no-store" });
      config = await res.json();
    } catch (e) {
      return showError("Sandbox unavailable", "Could not reach the demo server.");
    }
    document.getElementById("app-name").textContent = "Sandbox app " + req.clientId;
    renderPrefill();
    if (config.control.auto) {
      showDone("Running the '" + config.control.auto + "' scenario…");
      runAuto(config.control.auto);
    } else {
      show("BUSINESS_ACCOUNT_SELECTION");
    }
  }

  // Closing the window mid-flow is abandoning it: Meta reports the screen.
  window.addEventListener("pagehide", function () {
    if (!finished && popupMode && config && !config.control.omitEvents) {
      finished = true;
      postEvent({ data: { current_step: currentStep }, type: EVENT_TYPE, event: "CANCEL", version: eventVersion() });
    }
  });

  start();
})();
