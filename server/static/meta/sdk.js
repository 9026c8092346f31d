/*
 * wa-signup sandbox: a SIMULATED Facebook JavaScript SDK (not Meta's code).
 *
 * Implements the small part Embedded Signup uses:
 *   FB.init({ appId, version, xfbml, cookie })
 *   FB.login(callback, { config_id, response_type, override_default_response_type, extras })
 *   FB.getLoginStatus(callback), FB.getAuthResponse()
 * and calls window.fbAsyncInit() once loaded, like the real SDK.
 *
 * FB.login opens the simulated signup dialog in a popup on DIALOG_ORIGIN. The
 * dialog posts Meta's WA_EMBEDDED_SIGNUP session events to this window itself;
 * the authorization code comes back as a message that this SDK accepts only
 * from DIALOG_ORIGIN and from the popup it opened, for the login it started.
 * The code is handed to the callback and kept nowhere else.
 *
 * For measurements, window.__waSandbox.authDeliveredAt holds the wall-clock
 * time (ms, sub-ms precision) just before the last callback was invoked.
 */
(function () {
  "use strict";
  if (window.FB && window.FB.__waSandbox) {
    return;
  }

  /** Origin of the simulated dialog (templated by the demo server). */
  var DIALOG_ORIGIN = __WA_SANDBOX_DIALOG_ORIGIN__;
  /** How long a closed popup may still deliver its last message. */
  var CLOSED_GRACE_MS = 400;
  var AUTH_MESSAGE = "wa-signup-sandbox:auth";

  var sandbox = (window.__waSandbox = window.__waSandbox || {});
  sandbox.logins = 0;
  sandbox.authDeliveredAt = null;
  sandbox.lastStatus = null;

  /** Graph API version used when FB.init gets none (templated by the demo server). */
  var state = { appId: null, version: __WA_SANDBOX_GRAPH_VERSION__, initialized: false };
  var pending = {};
  var nextId = 0;

  function wallClockMs() {
    return performance.timeOrigin + performance.now();
  }

  function randomId() {
    var bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    return Array.prototype.map
      .call(bytes, function (b) {
        return (b < 16 ? "0" : "") + b.toString(16);
      })
      .join("");
  }

  function deliver(login, response) {
    if (login.done) {
      return;
    }
    login.done = true;
    clearInterval(login.poll);
    delete pending[login.cb];
    sandbox.lastStatus = response.status;
    sandbox.authDeliveredAt = wallClockMs();
    try {
      login.callback(response);
    } catch (e) {
      setTimeout(function () {
        throw e;
      }, 0);
    }
  }

  function notConnected() {
    return { authResponse: null, status: "unknown" };
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== DIALOG_ORIGIN) {
      return;
    }
    var msg = event.data;
    if (!msg || typeof msg !== "object" || msg.type !== AUTH_MESSAGE) {
      return;
    }
    var login = pending[msg.cb];
    if (!login || event.source !== login.popup) {
      return;
    }
    var auth = msg.authResponse;
    if (auth && typeof auth === "object" && typeof auth.code === "string" && auth.code) {
      deliver(login, {
        authResponse: {
          code: auth.code,
          userID: null,
          expiresIn: null,
          graphDomain: "facebook",
        },
        status: "connected",
      });
    } else {
      deliver(login, notConnected());
    }
  });

  function dialogUrl(options, cb) {
    var params = new URLSearchParams();
    params.set("client_id", state.appId);
    if (options.config_id != null) {
      params.set("config_id", String(options.config_id));
    }
    params.set("response_type", options.response_type || "token");
    if (options.override_default_response_type) {
      params.set("override_default_response_type", "true");
    }
    if (options.extras !== undefined) {
      params.set("extras", JSON.stringify(options.extras));
    }
    if (options.scope) {
      params.set("scope", String(options.scope));
    }
    params.set("display", "popup");
    params.set("origin", window.location.origin);
    params.set("cb", cb);
    params.set("sdk", "wa-signup-sandbox");
    return DIALOG_ORIGIN + "/" + encodeURIComponent(state.version) + "/dialog/oauth?" + params.toString();
  }

  var FB = {
    __waSandbox: true,

    init: function (options) {
      options = options || {};
      var appId = String(options.appId == null ? "" : options.appId);
      if (!/^[1-9][0-9]{0,19}$/.test(appId)) {
        throw new Error("FB.init: invalid appId " + JSON.stringify(appId));
      }
      state.appId = appId;
      if (options.version) {
        state.version = String(options.version);
      }
      state.initialized = true;
    },

    getLoginStatus: function (callback) {
      if (typeof callback === "function") {
        setTimeout(function () {
          callback(notConnected());
        }, 0);
      }
    },

    getAuthResponse: function () {
      return null;
    },

    login: function (callback, options) {
      if (!state.initialized) {
        console.error("FB.login() called before FB.init().");
        return;
      }
      if (typeof callback !== "function") {
        callback = function () {};
      }
      options = options || {};
      sandbox.logins += 1;
      nextId += 1;
      var cb = randomId() + nextId;
      var login = { cb: cb, callback: callback, popup: null, done: false, poll: 0, closedAt: 0 };
      // Must run synchronously inside the click, or the popup is blocked.
      var popup = window.open(
        dialogUrl(options, cb),
        "wa_signup_sandbox_" + cb,
        "popup=yes,width=640,height=760,left=120,top=60"
      );
      if (!popup) {
        setTimeout(function () {
          deliver(login, notConnected());
        }, 0);
        return;
      }
      login.popup = popup;
      pending[cb] = login;
      login.poll = setInterval(function () {
        if (!popup.closed) {
          return;
        }
        if (!login.closedAt) {
          login.closedAt = Date.now();
        } else if (Date.now() - login.closedAt >= CLOSED_GRACE_MS) {
          deliver(login, notConnected());
        }
      }, 100);
    },

    logout: function (callback) {
      if (typeof callback === "function") {
        setTimeout(function () {
          callback(notConnected());
        }, 0);
      }
    },
  };

  window.FB = FB;
  if (typeof window.fbAsyncInit === "function" && !window.fbAsyncInit.hasRun) {
    window.fbAsyncInit.hasRun = true;
    window.fbAsyncInit();
  }
})();
