//! Filtering, searching and counting facets over records.
