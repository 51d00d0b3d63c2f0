//! Jekyll's own Liquid filters and tags, registered on top of the standard engine.
