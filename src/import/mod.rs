//! Workbooks and raw exports → the model, with located errors and notices.
