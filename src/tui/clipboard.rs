//! Copy over SSH: the OSC 52 escape sequence asks the user's terminal (not the remote host) to
//! set its clipboard; inside tmux it is wrapped in tmux's passthrough.

use base64_lite::encode;

/// Payloads above this are not sent (terminals cap OSC 52 around 100 kB).
pub const MAX_COPY: usize = 74_000;

/// The escape sequence that copies `text`, wrapped for tmux when `in_tmux`.
pub fn osc52(text: &str, in_tmux: bool) -> Option<String> {
    if text.len() > MAX_COPY {
        return None;
    }
    let seq = format!("\x1b]52;c;{}\x07", encode(text.as_bytes()));
    Some(if in_tmux { format!("\x1bPtmux;{}\x1b\\", seq.replace('\x1b', "\x1b\x1b")) } else { seq })
}

/// Minimal standard base64 (RFC 4648), enough for OSC 52 payloads.
mod base64_lite {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    pub fn encode(input: &[u8]) -> String {
        let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
        for chunk in input.chunks(3) {
            let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_and_wraps() {
        assert_eq!(base64_lite::encode(b"123456789012"), "MTIzNDU2Nzg5MDEy");
        assert_eq!(base64_lite::encode(b"ab"), "YWI=");
        assert_eq!(base64_lite::encode(b"a"), "YQ==");
        assert_eq!(osc52("ab", false).unwrap(), "\x1b]52;c;YWI=\x07");
        assert_eq!(osc52("ab", true).unwrap(), "\x1bPtmux;\x1b\x1b]52;c;YWI=\x07\x1b\\");
        assert!(osc52(&"x".repeat(MAX_COPY + 1), false).is_none());
    }
}
