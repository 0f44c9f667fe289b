//! Small text helpers shared by extraction and search.
