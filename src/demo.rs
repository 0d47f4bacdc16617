//! The built-in demo clinic: a realistic multi-department clinic, deterministic.
