namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>A small, valid spec written the way an assistant would write it.</summary>
public static class WorkoutSpec
{
    public const string Requirements = """
        # Requirements Document

        ## Introduction

        Users log their workouts (exercise, sets, repetitions, weight) and see their history.

        ## Glossary

        - **Workout_Log**: The component that stores and lists workouts

        ## Requirements

        ### Requirement 1: Log a workout

        **User Story:** As a lifter, I want to record a workout, so that I can track my progress.

        #### Acceptance Criteria

        1. WHEN the user submits a workout with an exercise name and at least one set, THE Workout_Log SHALL store it with the current date
        2. IF the exercise name is empty, THEN THE Workout_Log SHALL reject the workout with the message "Exercise name is required"

        ### Requirement 2: Workout history

        **User Story:** As a lifter, I want to see past workouts, so that I can plan the next one.

        #### Acceptance Criteria

        1. WHEN the user opens the history, THE Workout_Log SHALL list workouts newest first, 20 per page
        """;

    public const string Design = """
        # Design Document

        ## Overview

        A Workout_Log service with a JSON file store.

        ## Architecture

        One service class over one repository.

        ## Components and Interfaces

        ### WorkoutLog

        `Add(Workout)` and `History(page)`.

        ## Data Models

        `Workout(Exercise, Sets, Date)`.

        ## Correctness Properties

        ### Property 1: Stored workouts are listed

        *For any* valid workout, after Add it appears first in History(1).

        **Validates: Requirements 1.1, 2.1**

        ## Error Handling

        Empty exercise names are rejected with a message.

        ## Testing Strategy

        Unit tests and one property test per property.
        """;

    public const string Tasks = """
        # Implementation Plan

        ## Tasks

        - [ ] 1. Workout storage
          - [ ] 1.1 Implement WorkoutLog.Add with validation
            - _Requirements: 1.1, 1.2_
          - [ ]* 1.2 Property test for stored workouts
            - **Property 1: Stored workouts are listed**
            - **Validates: Requirements 1.1, 2.1**

        - [ ] 2. Implement History with paging
          - _Requirements: 2.1_

        - [ ] 3. Checkpoint - Ensure all tests pass
        """;
}
