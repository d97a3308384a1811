//! The cell rules of SPEC section 2, one module per kind of value. Each rule is a
//! pure function of the value (and `as_of` where "today" matters) that returns what
//! is wrong as data; [`crate::validate`] turns that into an [`Issue`](crate::Issue).

pub mod date;
pub mod email;
pub mod language;
pub mod number;
pub mod sensitive;
