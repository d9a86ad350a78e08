/** 0.856 -> "86%". */
export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The colour of a coverage share: most companies touched is good, under two thirds is a problem. */
export const shareColor = (share: number) => (share >= 0.9 ? "teal" : share >= 0.66 ? "yellow" : "red");
