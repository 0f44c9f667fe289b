//! The world's countries, their names, demonyms and capitals, and the larger
//! cities, read from tables generated into `data/`.
