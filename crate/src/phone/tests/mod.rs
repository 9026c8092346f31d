//! Tests of the phone module: case tables, property tests, and a slow
//! reference implementation the fast path must agree with.

mod cases;
mod errors;
mod extensions;
#[cfg(not(target_arch = "wasm32"))]
mod props;
mod reference;
