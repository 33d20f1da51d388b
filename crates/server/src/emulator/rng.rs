//! A tiny deterministic PRNG (SplitMix64) for the seeded demo data; not for secrets.

const HEX: &[u8; 16] = b"0123456789abcdef";

/// SplitMix64: fast, good enough statistically, and the same sequence on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A value in `0..n` (`n` > 0); the modulo bias is irrelevant for demo data.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// A value in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        // Callers pass non-empty constant tables.
        &items[self.below(items.len() as u64) as usize]
    }

    /// `n` lower-case hex characters.
    pub fn hex(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(HEX[self.below(16) as usize]))
            .collect()
    }

    /// A UUIDv4-shaped id (version and variant bits set), deterministic from the seed. Written
    /// digit by digit: `format!` with padding was a visible cost at 50,000 users.
    pub fn uuid(&mut self) -> String {
        let (a, b) = (self.next_u64(), self.next_u64());
        let a = (a & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000;
        let b = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
        let bits = (u128::from(a) << 64) | u128::from(b);
        let mut out = String::with_capacity(36);
        for nibble in 0..32 {
            if matches!(nibble, 8 | 12 | 16 | 20) {
                out.push('-');
            }
            let digit = (bits >> (124 - 4 * nibble)) & 0xF;
            out.push(char::from(HEX[digit as usize]));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence_and_valid_uuids() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        assert_eq!(a.next_u64(), b.next_u64());
        let id = a.uuid();
        assert!(zt_risk_api::validate::is_uuid(&id), "{id}");
        assert_eq!(&id[14..15], "4");
        // The same text as the formatted 128 bits.
        let (x, y) = (b.next_u64(), b.next_u64());
        let x = (x & 0xFFFF_FFFF_FFFF_0FFF) | 0x4000;
        let y = (y & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
        let expected = format!("{:032x}", (u128::from(x) << 64) | u128::from(y));
        assert_eq!(id.replace('-', ""), expected);
        assert_eq!(
            id.char_indices()
                .filter(|(_, c)| *c == '-')
                .map(|(i, _)| i)
                .collect::<Vec<_>>(),
            [8, 13, 18, 23]
        );
        assert_eq!(a.hex(32).len(), 32);
    }
}
