//! A configuration's dictionary: a leaf, or a group of dictionaries with a match policy.
//!
//! This file uses only `std`: `build.rs` includes it to compile the built-in configurations,
//! and the crate uses it for configurations given at run time.

/// How a group answers "the longest key here".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchPolicy {
    /// The first member that matches anything answers, even if a later member would match
    /// a longer key. OpenCC's default when a group names no policy.
    ShortCircuit,
    /// The longest match among all members; on equal length the earlier member wins.
    Union,
}

/// A dictionary of a configuration, with leaves of type `L`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DictTree<L> {
    /// One dictionary.
    Leaf {
        /// The dictionary.
        leaf: L,
        /// OpenCC's `may_output_tofu`: left out when tofu-risk dictionaries are excluded.
        may_output_tofu: bool,
    },
    /// Dictionaries consulted together.
    Group {
        /// How the members' answers combine.
        policy: MatchPolicy,
        /// The members, in order.
        members: Vec<DictTree<L>>,
        /// OpenCC's `may_output_tofu` on the group itself.
        may_output_tofu: bool,
    },
}

impl<L: Clone> DictTree<L> {
    /// The tree without its tofu-risk parts, as OpenCC builds it when tofu-risk
    /// dictionaries are excluded: a marked dictionary or group is dropped, and so is a
    /// group left without members. `None` when nothing is left.
    pub fn without_tofu_risk(&self) -> Option<DictTree<L>> {
        match self {
            DictTree::Leaf {
                may_output_tofu: true,
                ..
            }
            | DictTree::Group {
                may_output_tofu: true,
                ..
            } => None,
            DictTree::Leaf { .. } => Some(self.clone()),
            DictTree::Group {
                policy, members, ..
            } => {
                let members: Vec<DictTree<L>> = members
                    .iter()
                    .filter_map(DictTree::without_tofu_risk)
                    .collect();
                (!members.is_empty()).then_some(DictTree::Group {
                    policy: *policy,
                    members,
                    may_output_tofu: false,
                })
            }
        }
    }
}

impl<L> DictTree<L> {
    /// The same tree with every leaf mapped, stopping at the first error.
    pub fn try_map<M, E>(self, f: &mut impl FnMut(L) -> Result<M, E>) -> Result<DictTree<M>, E> {
        Ok(match self {
            DictTree::Leaf {
                leaf,
                may_output_tofu,
            } => DictTree::Leaf {
                leaf: f(leaf)?,
                may_output_tofu,
            },
            DictTree::Group {
                policy,
                members,
                may_output_tofu,
            } => DictTree::Group {
                policy,
                members: members
                    .into_iter()
                    .map(|member| member.try_map(f))
                    .collect::<Result<_, _>>()?,
                may_output_tofu,
            },
        })
    }

    /// The leaves in order.
    pub fn leaves(&self) -> Vec<&L> {
        match self {
            DictTree::Leaf { leaf, .. } => vec![leaf],
            DictTree::Group { members, .. } => members.iter().flat_map(DictTree::leaves).collect(),
        }
    }

    /// The leaves in order, each with the rank that makes one trie behave as the whole
    /// tree (see `trie::builder::RankedEntry`): members of a `short_circuit` group get
    /// increasing ranks, members of a `union` group share one.
    ///
    /// `None` when no ranking is exact: a `union` group with a member whose own leaves
    /// have different ranks (a `short_circuit` group inside a `union`).
    pub fn ranked_leaves(&self) -> Option<Vec<(&L, u32)>> {
        match self {
            DictTree::Leaf { leaf, .. } => Some(vec![(leaf, 0)]),
            DictTree::Group { members, .. } if members.len() == 1 => members[0].ranked_leaves(),
            DictTree::Group {
                policy: MatchPolicy::Union,
                members,
                ..
            } => {
                let mut leaves = Vec::new();
                for member in members {
                    let ranked = member.ranked_leaves()?;
                    if ranked.iter().any(|&(_, rank)| rank != 0) {
                        return None;
                    }
                    leaves.extend(ranked);
                }
                Some(leaves)
            }
            DictTree::Group {
                policy: MatchPolicy::ShortCircuit,
                members,
                ..
            } => {
                let mut leaves = Vec::new();
                let mut next_rank = 0;
                for member in members {
                    let ranked = member.ranked_leaves()?;
                    let ranks_used = ranked.iter().map(|&(_, rank)| rank + 1).max().unwrap_or(0);
                    leaves.extend(
                        ranked
                            .into_iter()
                            .map(|(leaf, rank)| (leaf, rank + next_rank)),
                    );
                    next_rank += ranks_used;
                }
                Some(leaves)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(name: &'static str) -> DictTree<&'static str> {
        DictTree::Leaf {
            leaf: name,
            may_output_tofu: false,
        }
    }

    fn group(policy: MatchPolicy, members: Vec<DictTree<&'static str>>) -> DictTree<&'static str> {
        DictTree::Group {
            policy,
            members,
            may_output_tofu: false,
        }
    }

    #[test]
    fn ranks_follow_the_policies() {
        use MatchPolicy::*;
        let tree = group(
            ShortCircuit,
            vec![group(Union, vec![leaf("a"), leaf("b")]), leaf("c")],
        );
        assert_eq!(
            tree.ranked_leaves().unwrap(),
            vec![(&"a", 0), (&"b", 0), (&"c", 1)]
        );
        let tree = group(
            ShortCircuit,
            vec![group(ShortCircuit, vec![leaf("a"), leaf("b")]), leaf("c")],
        );
        assert_eq!(
            tree.ranked_leaves().unwrap(),
            vec![(&"a", 0), (&"b", 1), (&"c", 2)]
        );
        let tree = group(
            Union,
            vec![group(ShortCircuit, vec![leaf("a"), leaf("b")]), leaf("c")],
        );
        assert_eq!(tree.ranked_leaves(), None);
    }

    #[test]
    fn tofu_risk_members_and_emptied_groups_drop_out() {
        let risky = DictTree::Leaf {
            leaf: "ext",
            may_output_tofu: true,
        };
        let tree = group(MatchPolicy::ShortCircuit, vec![leaf("a"), risky.clone()]);
        assert_eq!(
            tree.without_tofu_risk(),
            Some(group(MatchPolicy::ShortCircuit, vec![leaf("a")]))
        );
        assert_eq!(
            group(MatchPolicy::Union, vec![risky]).without_tofu_risk(),
            None
        );
    }
}
