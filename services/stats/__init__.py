"""Staff statistics: pure figures, small-cell suppression and grouping of unanswered questions."""
