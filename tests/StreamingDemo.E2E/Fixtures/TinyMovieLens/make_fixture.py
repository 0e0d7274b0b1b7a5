"""Writes the tiny MovieLens-format fixture (movies.csv, ratings.csv) the dataset tests upload: invented titles, two taste
groups, 24 titles, 16 viewers, 12 ratings each. Seeded, so running it again writes the same files: python3 make_fixture.py
"""
import random

rng = random.Random(7)
first = ["Lantern", "Copper", "Meadow", "Glacier", "Velvet", "Orchard"]
second = ["Atlas", "Parade", "Tide", "Cipher"]
groups = ["Western|Drama", "Musical|Romance"]
movies = []
for i in range(24):
    name = f"{first[i % 6]} {second[i // 6]} ({1980 + i})"
    movies.append((i + 1, name, groups[i % 2]))

with open("movies.csv", "w", newline="") as f:
    f.write("movieId,title,genres\n")
    for movie_id, name, genres in movies:
        f.write(f"{movie_id},{name},{genres}\n")

with open("ratings.csv", "w", newline="") as f:
    f.write("userId,movieId,rating,timestamp\n")
    for user in range(1, 17):
        taste = user % 2
        liked = [m for m in movies if (m[0] - 1) % 2 == taste]
        other = [m for m in movies if (m[0] - 1) % 2 != taste]
        picks = rng.sample(liked, 9) + rng.sample(other, 3)
        for movie_id, _, _ in sorted(picks):
            stars = rng.choice([4.0, 4.5, 5.0]) if (movie_id - 1) % 2 == taste else rng.choice([1.0, 1.5, 2.0])
            f.write(f"{user},{movie_id},{stars},{1500000000 + user * 86400 + movie_id * 600}\n")
