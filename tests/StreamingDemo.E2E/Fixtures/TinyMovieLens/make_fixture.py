"""Writes the tiny MovieLens-format fixture (movies.csv, ratings.csv) the dataset tests upload: invented titles, four taste
groups, 32 titles, 30 viewers, 15 ratings each (4 stars and up or 2 and below, so every rating is also a thumb). Each viewer
leans to one or two groups. Seeded, so running it again writes the same files: python3 make_fixture.py
"""
import random

rng = random.Random(7)
first = ["Lantern", "Copper", "Meadow", "Glacier", "Velvet", "Orchard", "Harbor", "Thistle"]
second = ["Atlas", "Parade", "Tide", "Cipher"]
groups = ["Western|Drama", "Musical|Romance", "Horror|Mystery", "Sci-Fi|Adventure"]
movies = []
for i in range(32):
    name = f"{first[i % 8]} {second[i // 8]} ({1980 + i})"
    movies.append((i + 1, name, groups[i % 4]))

with open("movies.csv", "w", newline="") as f:
    f.write("movieId,title,genres\n")
    for movie_id, name, genres in movies:
        f.write(f"{movie_id},{name},{genres}\n")

with open("ratings.csv", "w", newline="") as f:
    f.write("userId,movieId,rating,timestamp\n")
    for user in range(1, 31):
        tastes = set(rng.sample(range(4), rng.choice([1, 2])))
        picks = rng.sample(movies, 15)
        for movie_id, _, _ in sorted(picks):
            liked = (movie_id - 1) % 4 in tastes
            stars = rng.choice([4.0, 4.5, 5.0]) if liked else rng.choice([0.5, 1.0, 1.5, 2.0])
            f.write(f"{user},{movie_id},{stars},{1500000000 + user * 86400 + movie_id * 600}\n")
