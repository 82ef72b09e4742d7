//! What the crate remembers about a `custom_id` (a 128-bit fingerprint, never the id or its
//! body) and the stable hash that splits a file into shards.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::str::FromStr;

use sha2::{Digest, Sha256};

/// The first 16 bytes of SHA-256 of a `custom_id`: what sets of ids hold, so memory per id
/// is a constant whatever the id's length. Two ids colliding would need about 2^64 ids.
pub fn fingerprint(custom_id: &str) -> u128 {
    let digest = Sha256::digest(custom_id.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    u128::from_be_bytes(bytes)
}

/// The shard hash of a `custom_id`: the first 8 bytes of SHA-256 of its UTF-8 bytes, read
/// big-endian as a `u64`.
///
/// This is a documented, frozen choice: SHA-256 is the same on every platform and in every
/// version of every implementation, so `--shard I/N` picks the same ids on every machine and
/// after any upgrade of this crate. (Rust's `DefaultHasher` is explicitly not stable.)
///
/// ```
/// // SHA-256("request-1") starts with these bytes; the value never changes.
/// assert_eq!(openrouter_batches::shard_hash("request-1") % 4, openrouter_batches::shard_hash("request-1") % 4);
/// assert_eq!(openrouter_batches::shard_hash(""), 0xe3b0c44298fc1c14);
/// ```
pub fn shard_hash(custom_id: &str) -> u64 {
    let digest = Sha256::digest(custom_id.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(bytes)
}

/// One shard of `count`: the ids whose [`shard_hash`] mod `count` is `index`.
///
/// ```
/// use openrouter_batches::Shard;
/// let shard: Shard = "0/2".parse().unwrap();
/// let other: Shard = "1/2".parse().unwrap();
/// // Every id belongs to exactly one shard.
/// for id in ["a", "b", "c", "d"] {
///     assert_ne!(shard.contains(id), other.contains(id));
/// }
/// assert!("2/2".parse::<Shard>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Shard {
    index: u64,
    count: u64,
}

impl Shard {
    /// Shard `index` of `count` (`index < count`, `count ≥ 1`), or `None`.
    pub fn new(index: u64, count: u64) -> Option<Self> {
        (count >= 1 && index < count).then_some(Self { index, count })
    }

    /// The whole input: shard 0 of 1.
    pub fn all() -> Self {
        Self { index: 0, count: 1 }
    }

    /// Whether `custom_id` belongs to this shard.
    pub fn contains(&self, custom_id: &str) -> bool {
        self.count == 1 || shard_hash(custom_id) % self.count == self.index
    }

    /// The shard's index.
    pub fn index(&self) -> u64 {
        self.index
    }

    /// How many shards there are.
    pub fn count(&self) -> u64 {
        self.count
    }
}

impl Default for Shard {
    fn default() -> Self {
        Self::all()
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("invalid shard `{s}`: expected I/N with 0 ≤ I < N, e.g. 0/4");
        let (index, count) = s.split_once('/').ok_or_else(bad)?;
        let index = index.trim().parse().map_err(|_| bad())?;
        let count = count.trim().parse().map_err(|_| bad())?;
        Self::new(index, count).ok_or_else(bad)
    }
}

/// A set of `custom_id`s, each remembered by its [`fingerprint`] with the line it was first
/// seen on: about 21 bytes of table per id (up to twice that while the table grows), whatever
/// the id or its body. Line numbers past `u32::MAX` are remembered as `u32::MAX`.
#[derive(Debug, Default, Clone)]
pub struct IdSet {
    // Byte arrays, not `u128`: 20-byte entries aligned to 4 rather than 32 aligned to 16.
    seen: HashMap<[u8; 16], u32, BuildHasherDefault<Prehashed>>,
}

/// The fingerprint is already a uniform hash: its first 8 bytes are the table's hash.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // `[u8; 16]` hashes as its length, then its bytes: keep the bytes' first 8.
        if bytes.len() >= 8 {
            let mut head = [0u8; 8];
            head.copy_from_slice(&bytes[..8]);
            self.0 = u64::from_ne_bytes(head);
        }
    }
}

impl IdSet {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `custom_id` first seen on `line`; if it was already there, returns the line it was
    /// first seen on.
    pub fn insert(&mut self, custom_id: &str, line: u64) -> Option<u64> {
        let line = u32::try_from(line).unwrap_or(u32::MAX);
        match self.seen.entry(fingerprint(custom_id).to_be_bytes()) {
            std::collections::hash_map::Entry::Occupied(e) => Some(u64::from(*e.get())),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(line);
                None
            }
        }
    }

    /// Whether `custom_id` is in the set.
    pub fn contains(&self, custom_id: &str) -> bool {
        self.seen
            .contains_key(&fingerprint(custom_id).to_be_bytes())
    }

    /// How many ids the set holds.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }
}
