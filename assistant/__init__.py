"""Assistant: cited answers, follow-up questions, extraction and comparison tables."""
