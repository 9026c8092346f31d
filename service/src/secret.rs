//! Secrets (the platform's `sk_admin_` key, Meta's app secret, access tokens,
//! PINs): a type whose `Debug` and `Display` never show the value.

use std::fmt;
use std::path::Path;

/// A secret string. `Debug`/`Display` print `Secret([redacted])`; the value
/// is reached only through [`Secret::expose`], so it cannot end up in a log
/// line or an error message by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

/// Why a secret could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretError(pub String);

impl fmt::Display for SecretError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SecretError {}

impl Secret {
    /// Wraps `value`.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The value, for the one place that sends it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The variable `name` of the environment (surrounding whitespace trimmed).
    pub fn from_env(name: &str) -> Result<Self, SecretError> {
        match std::env::var(name) {
            Ok(v) if !v.trim().is_empty() => Ok(Self(v.trim().to_owned())),
            _ => Err(SecretError(format!("{name} is not set"))),
        }
    }

    /// The contents of `path` (a mounted secret file; one trailing newline and
    /// surrounding whitespace trimmed). The error names the path, never the contents.
    pub fn from_file(path: &Path) -> Result<Self, SecretError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| SecretError(format!("cannot read {}: {e}", path.display())))?;
        let value = text.trim();
        if value.is_empty() {
            return Err(SecretError(format!("{} is empty", path.display())));
        }
        Ok(Self(value.to_owned()))
    }

    /// `<name>_FILE` if set (a path, as Docker and Kubernetes secrets are
    /// mounted), else `<name>`.
    pub fn from_env_or_file(name: &str) -> Result<Self, SecretError> {
        match std::env::var(format!("{name}_FILE")) {
            Ok(path) if !path.is_empty() => Self::from_file(Path::new(&path)),
            _ => Self::from_env(name),
        }
    }

    /// Checks that this is a platform admin key (`sk_admin_…`, no whitespace
    /// or control characters, so it is a valid header value).
    pub fn require_admin_key(self) -> Result<Self, SecretError> {
        if !self.0.starts_with(wa_signup::secret::ADMIN_KEY_PREFIX)
            || self.0.len() <= wa_signup::secret::ADMIN_KEY_PREFIX.len()
        {
            return Err(SecretError(
                "the admin key must start with sk_admin_".to_owned(),
            ));
        }
        if !self.0.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(SecretError(
                "the admin key must be printable ASCII without spaces".to_owned(),
            ));
        }
        Ok(self)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_the_value() {
        let s = Secret::new("sk_admin_supersecret");
        assert_eq!(
            format!("{s:?} {s} {:?}", Some(&s)),
            "Secret([redacted]) [redacted] Some(Secret([redacted]))"
        );
        assert_eq!(s.expose(), "sk_admin_supersecret");
    }

    #[test]
    fn admin_keys_are_checked() {
        assert!(Secret::new("sk_admin_x").require_admin_key().is_ok());
        for bad in ["sk_live_x", "sk_admin_", "sk_admin_a b", "sk_admin_\n"] {
            let e = Secret::new(bad).require_admin_key().expect_err(bad);
            assert!(
                !e.0.contains(bad.trim()) || bad.trim() == "sk_admin_",
                "{e}"
            );
        }
    }

    #[test]
    fn files_are_trimmed_and_errors_name_the_path_only() {
        let dir = std::env::temp_dir().join(format!("wa-signup-secret-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("key");
        std::fs::write(&path, "sk_admin_fromfile\n").expect("write");
        assert_eq!(
            Secret::from_file(&path).expect("read").expose(),
            "sk_admin_fromfile"
        );
        std::fs::write(&path, "  \n").expect("write");
        assert!(Secret::from_file(&path).is_err());
        let missing = Secret::from_file(&dir.join("missing")).expect_err("missing");
        assert!(missing.0.contains("missing"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
