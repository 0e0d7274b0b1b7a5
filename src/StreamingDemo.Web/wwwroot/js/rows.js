// TV-style keyboard navigation on the home page (issue 4): arrow keys move between cards in a row (left/right)
// and between rows (up/down, keeping the column); Enter opens the focused card because cards are links.
// Plain DOM code, delegated on document, so it works with every re-render and needs no Blazor interop.
(() => {
    const cardSelector = ".home-row-cards a.home-card-link";

    document.addEventListener("keydown", event => {
        if (!["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"].includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) {
            return;
        }

        const current = document.activeElement;
        if (!(current instanceof HTMLElement) || !current.matches(cardSelector)) {
            return;
        }

        const row = current.closest(".home-row");
        const rows = [...document.querySelectorAll(".home-row")];
        const cardsOf = r => [...r.querySelectorAll(cardSelector)];
        const cards = cardsOf(row);
        const column = cards.indexOf(current);
        let target = null;

        if (event.key === "ArrowRight") {
            target = cards[column + 1];
        } else if (event.key === "ArrowLeft") {
            target = cards[column - 1];
        } else {
            const next = rows[rows.indexOf(row) + (event.key === "ArrowDown" ? 1 : -1)];
            if (next) {
                const nextCards = cardsOf(next);
                target = nextCards[Math.min(column, nextCards.length - 1)];
            }
        }

        if (target) {
            event.preventDefault();
            target.focus();
            target.scrollIntoView({ block: "nearest", inline: "nearest" });
        }
    });
})();
