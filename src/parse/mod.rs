//! Separating a story from its page: title, outlet, bylines, dateline, body.
