-- Queries for the shop database.
SELECT id, email, name FROM customers ORDER BY id;
