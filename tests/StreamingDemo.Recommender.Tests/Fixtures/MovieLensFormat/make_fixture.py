"""Writes the MovieLens-format test fixture (movies.csv, ratings.csv): invented titles and viewers, not MovieLens data.

Three taste groups (genre clusters); each viewer leans to one or two of them, rates mostly within them, and rates titles of
its own taste higher. Seeded, so running it again writes the same files: python3 make_fixture.py
"""
import csv
import random

random.seed(7)
groups = [
    ["Crime", "Thriller", "Mystery"],
    ["Animation", "Children", "Comedy"],
    ["Sci-Fi", "Adventure", "Action"],
]
words = ["Harbour", "Signal", "Lantern", "Orbit", "Meadow", "Cipher", "Ember", "Atlas", "Willow", "Quarry", "Nova", "Thistle"]
movies = []
for movie_id in range(1, 91):
    group = (movie_id - 1) % 3
    genres = random.sample(groups[group], 2) + (["Drama"] if random.random() < 0.2 else [])
    name = f"{random.choice(words)} {random.choice(words)}"
    if movie_id % 11 == 0:
        name = f"{name}, The"  # a comma inside a quoted field, as MovieLens writes them
    if movie_id % 17 == 0:
        name = f'{name} "Redux"'
    year = 1985 + (movie_id * 7) % 36
    movies.append((movie_id, f"{name} ({year})", "|".join(genres), group))

popularity = {m[0]: 1.0 / (1 + (m[0] * 13) % 40) ** 0.7 for m in movies}
start = 1_420_070_400  # 2015-01-01
with open("ratings.csv", "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["userId", "movieId", "rating", "timestamp"])
    for user in range(1, 201):
        taste = {random.randrange(3): 1.0}
        if random.random() < 0.4:
            taste[random.randrange(3)] = 0.5
        weights = [popularity[m[0]] * (0.08 + taste.get(m[3], 0.0)) for m in movies]
        count = random.randint(12, 40)
        seen = set()
        while len(seen) < count:
            movie = random.choices(movies, weights)[0]
            seen.add(movie)
        for movie in sorted(seen):
            liking = taste.get(movie[3], 0.0)
            stars = min(5.0, max(0.5, round((2.4 + 2.2 * liking + random.gauss(0, 0.8)) * 2) / 2))
            writer.writerow([user, movie[0], f"{stars:.1f}", start + random.randrange(3 * 365 * 86400)])

with open("movies.csv", "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["movieId", "title", "genres"])
    for movie_id, title, genres, _ in movies:
        writer.writerow([movie_id, title, genres])
