META
key;value
description;Equal votes and equal costs: P10 comes before P9 in ordinal order, and neither single supporter can pay alone
num_projects;2
num_votes;2
budget;10
vote_type;approval
PROJECTS
project_id;cost
P9;10
P10;10
VOTES
voter_id;vote
1;P9
2;P10
