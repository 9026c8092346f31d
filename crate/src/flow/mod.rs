//! The Embedded Signup flow: configuration, event correlation, the callback POST.
