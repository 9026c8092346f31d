//! E.164 phone numbers: parsing, validation and the split Meta wants.
