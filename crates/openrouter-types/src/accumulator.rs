//! Folds streamed chunks into a final completion, purely, with an explicit outcome.
