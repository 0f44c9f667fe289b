//! `article-explorer parse PATH... [-o FILE]`: extract records as JSON Lines.

fn main() {}
