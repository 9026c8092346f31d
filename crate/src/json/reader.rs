//! The reader: JSON text to a [`Value`].

use super::value::{Map, Number, Value};

/// Nesting limit, as serde_json's: 127 open arrays/objects are fine, 128 are not.
const MAX_DEPTH: u32 = 128;

/// Why [`parse`] refused its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct JsonError {
    /// The input ended inside a value.
    pub(crate) eof: bool,
    /// 1-based line of the problem.
    pub(crate) line: usize,
    /// Column (bytes) of the last byte read, as serde_json counts it.
    pub(crate) column: usize,
}

/// Parses one JSON value, surrounded by optional whitespace.
pub(crate) fn parse(text: &str) -> Result<Value, JsonError> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: MAX_DEPTH,
    };
    let value = reader.value();
    let value = value.and_then(|v| {
        reader.skip_whitespace();
        if reader.pos < reader.bytes.len() {
            Err(Fail::Syntax)
        } else {
            Ok(v)
        }
    });
    value.map_err(|fail| reader.error(fail))
}

enum Fail {
    Eof,
    Syntax,
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: u32,
}

impl Reader<'_> {
    fn error(&self, fail: Fail) -> JsonError {
        let before = self.bytes.get(..self.pos).unwrap_or(self.bytes);
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        JsonError {
            eof: matches!(fail, Fail::Eof),
            line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
            column: before.len() - line_start,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// The next non-whitespace byte, consumed.
    fn next_token(&mut self) -> Result<u8, Fail> {
        self.skip_whitespace();
        let b = self.peek().ok_or(Fail::Eof)?;
        self.pos += 1;
        Ok(b)
    }

    fn value(&mut self) -> Result<Value, Fail> {
        match self.next_token()? {
            b'n' => self.literal(b"ull", Value::Null),
            b't' => self.literal(b"rue", Value::Bool(true)),
            b'f' => self.literal(b"alse", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'[' => self.nested(Self::array),
            b'{' => self.nested(Self::object),
            b'-' | b'0'..=b'9' => {
                self.pos -= 1;
                self.number()
            }
            _ => Err(Fail::Syntax),
        }
    }

    fn literal(&mut self, rest: &[u8], value: Value) -> Result<Value, Fail> {
        for &want in rest {
            match self.peek() {
                None => return Err(Fail::Eof),
                Some(b) if b == want => self.pos += 1,
                Some(_) => return Err(Fail::Syntax),
            }
        }
        Ok(value)
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Value, Fail>) -> Result<Value, Fail> {
        self.depth -= 1;
        if self.depth == 0 {
            return Err(Fail::Syntax);
        }
        let value = read(self);
        self.depth += 1;
        value
    }

    fn array(&mut self) -> Result<Value, Fail> {
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            match self.next_token()? {
                b',' => {}
                b']' => return Ok(Value::Array(items)),
                _ => return Err(Fail::Syntax),
            }
        }
    }

    fn object(&mut self) -> Result<Value, Fail> {
        let mut entries = Vec::new();
        if self.next_token()? == b'}' {
            return Ok(Value::Object(Map::new()));
        }
        self.pos -= 1;
        loop {
            if self.next_token()? != b'"' {
                return Err(Fail::Syntax);
            }
            let key = self.string()?;
            if self.next_token()? != b':' {
                return Err(Fail::Syntax);
            }
            let value = self.value()?;
            entries.push((key, value));
            match self.next_token()? {
                b',' => {}
                b'}' => return Ok(Value::Object(entries.into_iter().collect())),
                _ => return Err(Fail::Syntax),
            }
        }
    }

    /// The rest of a string whose opening quote was consumed.
    fn string(&mut self) -> Result<String, Fail> {
        let mut out = String::new();
        let mut start = self.pos;
        loop {
            let b = self.peek().ok_or(Fail::Eof)?;
            match b {
                b'"' | b'\\' => {
                    // Both are ASCII, so `start..pos` ends on a char boundary.
                    out.push_str(self.text.get(start..self.pos).ok_or(Fail::Syntax)?);
                    self.pos += 1;
                    if b == b'"' {
                        return Ok(out);
                    }
                    self.escape(&mut out)?;
                    start = self.pos;
                }
                0..=0x1f => return Err(Fail::Syntax),
                _ => self.pos += 1,
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), Fail> {
        let b = self.peek().ok_or(Fail::Eof)?;
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = match first {
                    0xD800..=0xDBFF => {
                        // A high surrogate must be followed by `\u` and a low one.
                        for want in [b'\\', b'u'] {
                            match self.peek() {
                                None => return Err(Fail::Eof),
                                Some(got) if got == want => self.pos += 1,
                                Some(_) => return Err(Fail::Syntax),
                            }
                        }
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(Fail::Syntax);
                        }
                        0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
                    }
                    code => code,
                };
                // `None` for a lone low surrogate.
                char::from_u32(code).ok_or(Fail::Syntax)?
            }
            _ => return Err(Fail::Syntax),
        };
        out.push(c);
        Ok(())
    }

    /// Four hex digits. As serde_json, fewer than four bytes left is the end
    /// of input even when one of them is not a hex digit (`"\u "`).
    fn hex4(&mut self) -> Result<u32, Fail> {
        let end = self.pos.saturating_add(4);
        let digits = self.bytes.get(self.pos..end).ok_or(Fail::Eof)?;
        let mut n = 0;
        for &b in digits {
            let digit = char::from(b).to_digit(16).ok_or(Fail::Syntax)?;
            n = n * 16 + digit;
            self.pos += 1;
        }
        Ok(n)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    fn number(&mut self) -> Result<Value, Fail> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let int_start = self.pos;
        match self.digits() {
            0 if self.peek().is_none() => return Err(Fail::Eof),
            0 => return Err(Fail::Syntax),
            // No leading zeros: "0" then a digit is not a number.
            n if n > 1 && self.bytes.get(int_start) == Some(&b'0') => return Err(Fail::Syntax),
            _ => {}
        }
        let int_end = self.pos;
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.required_digits()?;
            integer = false;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.required_digits()?;
            integer = false;
        }
        let digits = self.text.get(int_start..int_end).ok_or(Fail::Syntax)?;
        if integer {
            if let Ok(n) = digits.parse::<u64>() {
                if !negative {
                    return Ok(Value::Number(Number::from(n)));
                }
                // As serde_json: `-0` and negatives below i64::MIN are floats.
                if let Some(neg) = 0i64.checked_sub_unsigned(n).filter(|_| n != 0) {
                    return Ok(Value::Number(Number::from(neg)));
                }
            }
        }
        let text = self.text.get(start..self.pos).ok_or(Fail::Syntax)?;
        Number::from_f64(decimal_to_f64(text))
            .map(Value::Number)
            .ok_or(Fail::Syntax)
    }

    fn required_digits(&mut self) -> Result<(), Fail> {
        match self.digits() {
            0 if self.peek().is_none() => Err(Fail::Eof),
            0 => Err(Fail::Syntax),
            _ => Ok(()),
        }
    }
}

/// A JSON number's text as the nearest `f64` (infinite when out of range,
/// which [`Number::from_f64`] then refuses).
#[cfg(target_arch = "wasm32")]
fn decimal_to_f64(text: &str) -> f64 {
    // The engine's parser: correctly rounded, and no float tables in the wasm.
    js_sys::parse_float(text)
}

#[cfg(not(target_arch = "wasm32"))]
fn decimal_to_f64(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
