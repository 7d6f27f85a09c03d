"""The signing rules, one module per part of the document; ``domain.validation`` runs them."""
