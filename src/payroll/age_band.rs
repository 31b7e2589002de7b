//! The age bands of kontaktfamilj pay (SKR's recommendation for kontaktfamiljer): children up
//! to 12, young people from 13, and adults from 18, each with its own arvode and omkostnad per
//! dygn. The band is the child's age on the day of the stay, so a birthday during a stay moves
//! the days after it.

/// An age band; its index is its place in `[compensation.kontaktfamilj.YEAR]`'s arrays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AgeBand {
    /// 0-12 years.
    Child,
    /// 13-17 years.
    Youth,
    /// 18 and over.
    Adult,
}

impl AgeBand {
    pub fn of_age(age: u32) -> AgeBand {
        match age {
            0..=12 => AgeBand::Child,
            13..=17 => AgeBand::Youth,
            _ => AgeBand::Adult,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// `0-12`, `13-17`, `18-`.
    pub fn span(self) -> &'static str {
        match self {
            AgeBand::Child => "0-12",
            AgeBand::Youth => "13-17",
            AgeBand::Adult => "18-",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bands_turn_at_13_and_18() {
        let bands: Vec<_> = [0, 12, 13, 17, 18, 80].map(AgeBand::of_age).to_vec();
        use AgeBand::*;
        assert_eq!(bands, [Child, Child, Youth, Youth, Adult, Adult]);
    }
}
