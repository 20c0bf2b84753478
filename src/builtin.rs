//! The tries of the built-in configurations, compiled by `build.rs` and embedded in the
//! crate: building a converter from them only points at static data.

use crate::trie::{StaticTables, Trie};

/// Where one trie's sections lie in `tries.bin`, as (byte offset, count of integers).
pub(crate) struct TrieLayout {
    blocks: (usize, usize),
    codes: (usize, usize),
    nodes: (usize, usize),
    value_offsets: (usize, usize),
    values: &'static str,
    first_bytes: &'static [u8],
    openings: &'static [[u8; 3]],
    stops: (usize, usize),
    writes_each_character: bool,
    char_results: (usize, usize),
    char_pairs: (usize, usize),
}

/// The tries (indices into `TRIES`) of one configuration's stages.
pub(crate) struct Plan {
    pub(crate) normalization: &'static [usize],
    pub(crate) segmentation: Option<usize>,
    pub(crate) chain: &'static [usize],
    /// When not 0, the first step's trie segments the text too: its matches of a rank
    /// below this are the segmentation dictionary's (see `build.rs`, `segment_ranks`).
    pub(crate) segment_ranks: u32,
}

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// Gives `include_bytes!` data the alignment of the integers it holds.
#[repr(C, align(8))]
struct Aligned<Bytes: ?Sized>(Bytes);

static TRIE_BYTES: &Aligned<[u8]> =
    &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/tries.bin")));

/// The built-in trie number `id`.
pub(crate) fn trie(id: usize) -> Trie {
    let layout = &TRIES[id];
    let section = |(offset, count): (usize, usize), width: usize| {
        &TRIE_BYTES.0[offset..offset + count * width]
    };
    Trie::from_static(StaticTables {
        blocks: bytemuck::cast_slice(section(layout.blocks, 2)),
        codes: bytemuck::cast_slice(section(layout.codes, 2)),
        nodes: bytemuck::cast_slice(section(layout.nodes, 4)),
        value_offsets: bytemuck::cast_slice(section(layout.value_offsets, 4)),
        values: layout.values,
        first_bytes: layout.first_bytes,
        openings: layout.openings,
        stops: bytemuck::cast_slice(section(layout.stops, 4)),
        writes_each_character: layout.writes_each_character,
        char_results: bytemuck::cast_slice(section(layout.char_results, 4)),
        char_pairs: bytemuck::cast_slice(section(layout.char_pairs, 4)),
    })
}
