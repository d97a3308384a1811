//! What the previous state says about a row's date issues, and what becomes of
//! them (SPEC section 3): the onboarding and offboarding warnings a check without
//! a previous state gives are made definitive errors, kept, or dropped.

use crate::code::Code;

/// What the previous state says about a row's date issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PreviousSays {
    /// A new employee: a past onboarding date is refused; an offboarding date is
    /// newly set.
    New,
    /// A known employee: a past onboarding date is theirs; the offboarding rules
    /// hold only when the date is newly set or changed.
    Known { offboarding_changed: bool },
}

/// What becomes of a held date issue once the previous state has spoken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Restated {
    /// An error, with the definitive message.
    Definitive,
    /// As it is.
    AsIs,
    /// Moot: dropped.
    Moot,
}

impl PreviousSays {
    /// What becomes of an issue with `code` on a row of which the previous state
    /// says this.
    pub(super) fn restate(self, code: Code) -> Restated {
        let upgrade = match self {
            PreviousSays::New => matches!(code, Code::OnboardingPast | Code::OffboardingNotFuture),
            PreviousSays::Known {
                offboarding_changed,
            } => offboarding_changed && code == Code::OffboardingNotFuture,
        };
        let moot = match self {
            PreviousSays::New => false,
            PreviousSays::Known {
                offboarding_changed,
            } => {
                code == Code::OnboardingPast
                    || (!offboarding_changed
                        && matches!(
                            code,
                            Code::OffboardingNotFuture | Code::OffboardingShortNotice
                        ))
            }
        };
        match (moot, upgrade) {
            (true, _) => Restated::Moot,
            (false, true) => Restated::Definitive,
            (false, false) => Restated::AsIs,
        }
    }
}
