//! Platform ids: `wapn_[test_]{ksuid}`, `wabp_…`, `app_…`.
