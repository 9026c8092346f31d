//! Typed models of the platform APIs in the seed pages (Chirp, Kapso, Meta).
