//! Native tests of the flow: case tables and property tests.

mod config;
mod config_rules;
mod config_secrets;
mod correlator;
mod correlator_props;
mod extras;
mod extras_invalid;
mod extras_rules;
mod redirect;
mod session_input;
